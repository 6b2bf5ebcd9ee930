// Hosting a game: create it, run it from the laptop, control it from a phone, show it on the projector.
import { CreateGameScreen } from './host/create.js';
import { RunScreen } from './host/run.js';
import { ControlScreen } from './host/control.js';
import { PresenterScreen } from './host/present.js';

export const routes = [
  { path: '/host', screen: CreateGameScreen, role: 'HOST', nav: 'host' },
  { path: '/games/:id/run', screen: RunScreen, role: 'HOST', nav: 'host' },
  { path: '/control/:id', screen: ControlScreen, public: true, bare: true },
  { path: '/present/:id', screen: PresenterScreen, public: true, bare: true },
];
