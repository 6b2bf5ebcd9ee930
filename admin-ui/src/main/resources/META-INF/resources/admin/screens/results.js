// Results of past and running games: the list, one game's results, exports.
import { ResultsListScreen } from './results/list.js';
import { ResultsScreen } from './results/detail.js';

export const routes = [
  { path: '/results', screen: ResultsListScreen, role: 'HOST', nav: 'results' },
  { path: '/results/:id', screen: ResultsScreen, role: 'HOST', nav: 'results' },
];
