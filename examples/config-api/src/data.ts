/** The configuration objects' shapes and keys. */

export type FlagValue = boolean | number | string;

export interface Limits {
  requestsPerMinute: number;
  storageGiB: number;
  seats: number;
}

export interface Notifications {
  email: boolean;
  push: boolean;
}

export interface Prefs {
  theme: 'light' | 'dark' | 'system';
  locale: string;
  timezone: string;
  pageSize: number;
  notifications: Notifications;
}

/** `config/defaults.json` */
export interface Defaults {
  limits: Limits;
  prefs: Prefs;
}

/** `config/flags.json`: the flags there are. */
export interface FlagIndex {
  flags: string[];
}

/** `flags/<name>.json` */
export interface FlagDef {
  name: string;
  type: 'boolean' | 'number' | 'string';
  /** The value when the flag is off, or outside its rollout. */
  default: FlagValue;
  /** The value inside the rollout. */
  value: FlagValue;
  enabled: boolean;
  /** Percent of users (by a stable hash of flag, tenant and user) that get `value`. */
  rollout: number;
  description?: string;
}

/** `tenants/<t>/settings.json` */
export interface TenantSettings {
  tenant: string;
  name: string;
  plan: 'free' | 'team' | 'enterprise';
  region: string;
  limits?: Partial<Limits>;
  prefs?: Partial<Omit<Prefs, 'notifications'>> & { notifications?: Partial<Notifications> };
  /** Flag values set for the whole tenant; they win over rollouts. */
  flags?: Record<string, FlagValue>;
}

/** `users/<u>/prefs.json` */
export interface UserPrefs {
  user: string;
  tenant: string;
  prefs?: Partial<Omit<Prefs, 'notifications'>> & { notifications?: Partial<Notifications> };
}

export const DEFAULTS_KEY = 'config/defaults.json';
export const FLAG_INDEX_KEY = 'config/flags.json';
export const flagKey = (name: string): string => `flags/${name}.json`;
export const tenantKey = (tenant: string): string => `tenants/${tenant}/settings.json`;
export const userKey = (user: string): string => `users/${user}/prefs.json`;

/** Tenant, user and flag names: lower-case letters, digits and hyphens. */
export const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
