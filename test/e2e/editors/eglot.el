;; Emacs (batch) with eglot, as a user would set it up (the README's snippet), plus a driver that
;; prints the diagnostics and a hover and exits. Args: FILE HOVER-LINE HOVER-COL.
(dolist (d (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*")) (add-to-list 'load-path d))
(require 'eglot)
(require 'flymake)
(setq eglot-sync-connect t eglot-connect-timeout 30 eglot-autoreconnect nil)
(define-derived-mode osha-yaml-mode prog-mode "YAML")
(add-to-list 'eglot-server-programs `(osha-yaml-mode . ("node" ,(getenv "OSHA_SERVER") "--stdio")))
(let* ((file (expand-file-name (nth 0 command-line-args-left)))
       (hover-line (string-to-number (nth 1 command-line-args-left)))
       (hover-col (string-to-number (nth 2 command-line-args-left)))
       (buf (find-file-noselect file))
       (diags nil) (deadline (+ (float-time) 30)))
  (with-current-buffer buf
    (osha-yaml-mode)
    (eglot-ensure)
    ;; eglot-ensure waits for post-command-hook, which batch mode never runs
    (unless (eglot-current-server) (apply #'eglot (eglot--guess-contact)))
    ;; idle timers never fire in batch mode either: start flymake by hand until diagnostics arrive
    (while (and (null diags) (< (float-time) deadline))
      (accept-process-output nil 0.1)
      (when (bound-and-true-p flymake-mode) (flymake-start))
      (setq diags (flymake-diagnostics)))
    (dolist (d diags)
      (princ (format "DIAG line=%d type=%s text=%s\n" (line-number-at-pos (flymake-diagnostic-beg d))
                     (flymake-diagnostic-type d) (flymake-diagnostic-text d))))
    (let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                  (list :textDocument (list :uri (eglot--path-to-uri buffer-file-name))
                                        :position (list :line hover-line :character hover-col)))))
      (princ (format "HOVER %s\n" (plist-get (plist-get hover :contents) :value))))
    (princ (if diags "OK\n" "FAIL no diagnostics\n"))
    (ignore-errors (eglot-shutdown (eglot-current-server)))
    (kill-emacs (if diags 0 1))))
