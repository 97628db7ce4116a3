/** Where the reader's chosen theme is kept in localStorage; absent means "follow the system". */
export const THEME_STORAGE_KEY = 'archive-theme';

export type Theme = 'light' | 'dark';
