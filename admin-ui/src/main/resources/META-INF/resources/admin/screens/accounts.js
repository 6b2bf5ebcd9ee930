// Organisations and organiser accounts (administrators only).
import { AccountsScreen } from './accounts/screen.js';

export const routes = [
  { path: '/accounts', screen: AccountsScreen, role: 'ADMIN', nav: 'accounts' },
];
