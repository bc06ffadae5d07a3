;; Emacs (batch) around the README's set-up (OSHA_CONFIG, loaded unchanged): opens files as a user
;; does and prints what the editor holds as lines the test parses, then exits.
;; Args: diagnose FILE... HOVER-LINE HOVER-COL | attach LIST-FILE
;; What package.el does at start-up (emacs -Q skips it): Debian's packages on load-path, yaml-mode's autoloads.
(dolist (d (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*")) (add-to-list 'load-path d))
(require 'yaml-mode)
(require 'flymake)
(require 'subr-x)
(load (getenv "OSHA_CONFIG") nil t)

(defun osha-open (file)
  "Visit FILE, then run what the command loop runs after a command (batch mode has no command loop)."
  (set-buffer (find-file-noselect file))
  (let ((queued post-command-hook) (deadline (+ (float-time) 20)))
    (run-hooks 'post-command-hook)
    ;; when eglot-ensure queued a connection, wait for it, as a user's next keystroke would
    (while (and queued (not (bound-and-true-p eglot--managed-mode)) (< (float-time) deadline))
      (accept-process-output nil 0.05)))
  (current-buffer))

(defun osha-server-pid ()
  (let ((s (eglot-current-server))) (and s (process-id (jsonrpc--process s)))))

(defun osha-all-servers ()
  "Every eglot server running, in every project."
  (apply #'append (hash-table-values eglot--servers-by-project)))

(defun osha-done (ok)
  (princ (format "SERVERS %S\n" (mapcar (lambda (s) (process-id (jsonrpc--process s))) (osha-all-servers))))
  (dolist (s (osha-all-servers)) (ignore-errors (eglot-shutdown s)))
  (kill-emacs (if ok 0 1)))

(defun osha-diagnose (files hover-line hover-col)
  (let ((ok t) (first nil))
    (dolist (file files)
      (with-current-buffer (osha-open file)
        (unless first (setq first (current-buffer)))
        ;; idle timers never fire in batch mode: start flymake by hand until diagnostics arrive
        (let ((diags nil) (deadline (+ (float-time) 20)))
          (while (and (null diags) (< (float-time) deadline))
            (accept-process-output nil 0.05)
            (when (bound-and-true-p flymake-mode) (flymake-start))
            (setq diags (flymake-diagnostics)))
          (unless diags (setq ok nil))
          (dolist (d diags)
            (princ (format "DIAG file=%s line=%d type=%s text=%s\n" file (line-number-at-pos (flymake-diagnostic-beg d))
                           (flymake-diagnostic-type d) (flymake-diagnostic-text d)))))
        (princ (format "ATTACH file=%s mode=%s server=%s\n" file major-mode (osha-server-pid)))))
    (with-current-buffer first
      (let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                    (list :textDocument (list :uri (eglot--path-to-uri buffer-file-name))
                                          :position (list :line hover-line :character hover-col)))))
        (princ (format "HOVER %s\n" (plist-get (plist-get hover :contents) :value)))))
    (osha-done ok)))

(defun osha-attach (list)
  (dolist (file (split-string (with-temp-buffer (insert-file-contents list) (buffer-string)) "\n" t))
    (with-current-buffer (osha-open file)
      (princ (format "ATTACH file=%s mode=%s server=%s\n" file major-mode (osha-server-pid)))))
  (osha-done t))

(let ((args command-line-args-left))
  (setq command-line-args-left nil)
  (pcase (car args)
    ("diagnose" (let ((n (length args)))
                  (osha-diagnose (seq-subseq args 1 (- n 2))
                                 (string-to-number (nth (- n 2) args)) (string-to-number (nth (- n 1) args)))))
    ("attach" (osha-attach (nth 1 args)))))
