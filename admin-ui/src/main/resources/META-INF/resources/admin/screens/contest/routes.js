// Online contests (self-paced, province-wide): list, settings, rounds, units, entrants, dashboard, results.
import { ContestListScreen } from './list.js';
import { ContestSettingsScreen } from './settings.js';
import { ContestRoundsScreen } from './rounds.js';
import { RoundScreen } from './round.js';
import { ContestUnitsScreen } from './units.js';
import { ContestDashboardScreen } from './dashboard.js';
import { RoundResultsScreen } from './results.js';
import { ContestEntrantsScreen } from './entrants.js';

export const routes = [
  { path: '/contests', screen: ContestListScreen, role: 'ORGANISER', nav: 'contests' },
  { path: '/contests/new', screen: ContestSettingsScreen, role: 'ORGANISER', nav: 'contests' },
  { path: '/contests/:id', screen: ContestSettingsScreen, role: 'ORGANISER', nav: 'contests' },
  { path: '/contests/:id/rounds', screen: ContestRoundsScreen, role: 'ORGANISER', nav: 'contests' },
  { path: '/contests/:id/rounds/new', screen: RoundScreen, role: 'ORGANISER', nav: 'contests' },
  { path: '/contests/:id/rounds/:roundId', screen: RoundScreen, role: 'ORGANISER', nav: 'contests' },
  { path: '/contests/:id/rounds/:roundId/results', screen: RoundResultsScreen, role: 'ORGANISER', nav: 'contests' },
  { path: '/contests/:id/units', screen: ContestUnitsScreen, role: 'ORGANISER', nav: 'contests' },
  { path: '/contests/:id/entrants', screen: ContestEntrantsScreen, role: 'ORGANISER', nav: 'contests' },
  { path: '/contests/:id/dashboard', screen: ContestDashboardScreen, role: 'ORGANISER', nav: 'contests' },
];
