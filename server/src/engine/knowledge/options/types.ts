/** The shape of the shipped option catalogues (scripts/catalog/gen-release.sh writes them). */
export interface OptionInfo {
  type: string;
  default?: unknown;
  /** a string mostly, but the generator also wrote numbers and lists of dicts */
  sample_default?: unknown;
  choices?: unknown[];
  min?: number;
  max?: number;
  secret?: boolean;
  required?: boolean;
  cli_only?: boolean;
  deprecated_names?: [string, string][];
  deprecated_for_removal?: boolean;
  deprecated_since?: string;
  item_type?: string;
  item_choices?: unknown[];
  item_min?: number;
  item_max?: number;
  value_type?: string;
  schemes?: string[];
  ip_version?: number;
  regex?: string;
  max_length?: number;
  ignore_case?: boolean;
  ns?: string;
}
export interface SectionInfo {
  options: Record<string, OptionInfo>;
  dynamic_group_owner?: string;
  driver_option?: string;
}
export interface FileCatalog {
  file: string;
  project: string;
  generator: string;
  option_count: number;
  sections: Record<string, SectionInfo>;
  namespaces: Record<string, { dist?: string; version?: string }>;
}
export interface KeystoneauthCatalog {
  keystoneauth1: string;
  common: Record<string, OptionInfo>;
  plugins: Record<string, Record<string, OptionInfo>>;
}
export interface CatalogIndex {
  release: string;
  packages: Record<string, string | null>;
  files: Record<string, { project: string; options: number }>;
}
