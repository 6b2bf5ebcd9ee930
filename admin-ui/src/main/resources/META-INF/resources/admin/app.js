// The organiser console: a hash router over screens, the signed-in account, the page frame.
import { html, render, nothing } from 'lit-html';
import { api, onUnauthorized } from './lib/api.js';
import { t, useLanguage, language, preferredLanguage } from './lib/i18n.js';
import { Screen } from './lib/screen.js';
import * as login from './screens/login.js';
import * as accounts from './screens/accounts.js';
import * as questions from './screens/questions.js';
import * as quizzes from './screens/quizzes.js';
import * as host from './screens/host.js';
import * as results from './screens/results.js';
import * as contests from './screens/contest/routes.js';
import * as system from './screens/system.js';

const ROLE_RANK = { HOST: 1, ORGANISER: 2, ADMIN: 3 };

/** Every route: {path, screen, role?, nav?, public?, bare?}. bare: no header (presenter, phone controls). */
const ROUTES = [].concat(login.routes, accounts.routes, questions.routes, quizzes.routes, host.routes, results.routes, contests.routes, system.routes);

/** The main menu, in order; a link shows when the account's role allows its route. */
const NAV = [
  { id: 'questions', path: '/questions', role: 'HOST' },
  { id: 'quizzes', path: '/quizzes', role: 'HOST' },
  { id: 'host', path: '/host', role: 'HOST' },
  { id: 'results', path: '/results', role: 'HOST' },
  { id: 'contests', path: '/contests', role: 'ORGANISER' },
  { id: 'accounts', path: '/accounts', role: 'ADMIN' },
  { id: 'system', path: '/system', role: 'ADMIN' },
];

const HOME = '/host';

// Set while this browser has a session: a first visit or a phone opening the controls asks nobody
// who is logged in, so no expected 401 shows as an error in the browser's console.
const SIGNED_IN_KEY = 'quizfest.console.signedIn';

class Console {
  constructor() {
    this.user = null;
    this.screen = null;
    this.route = null;
    this.toasts = [];
    this.pending = false;
    this.root = document.getElementById('app');
  }

  /** The account may use a route needing this role. */
  allows(role) {
    return !role || (this.user && ROLE_RANK[this.user.role] >= ROLE_RANK[role]);
  }

  async start() {
    await useLanguage(preferredLanguage());
    onUnauthorized(() => {
      localStorage.removeItem(SIGNED_IN_KEY);
      if (this.route && this.route.public) return;
      this.user = null;
      this.navigate('/login?next=' + encodeURIComponent(currentPath()));
    });
    if (localStorage.getItem(SIGNED_IN_KEY)) {
      try {
        this.user = await api.get('/api/auth/me', { quiet401: true });
      } catch (e) {
        this.user = null;
        localStorage.removeItem(SIGNED_IN_KEY);
      }
    }
    window.addEventListener('hashchange', () => this.open());
    // Closing or reloading the tab with unsaved changes: the browser asks (its own words).
    window.addEventListener('beforeunload', (event) => {
      if (this.screen && this.screen.unsaved()) {
        event.preventDefault();
        event.returnValue = '';
      }
    });
    // lit-html's render() keeps what the container already holds: drop the "Loading…" line first
    const boot = document.getElementById('boot');
    if (boot) boot.remove();
    await this.open();
  }

  /** Goes to a console path such as '/questions/42'. */
  navigate(path) {
    if (currentPath() === path) this.open(true);
    else location.hash = '#' + path;
  }

  /** Shows the screen of the address; `again` re-opens the current one (a hashchange to it does nothing). */
  async open(again) {
    const path = currentPath();
    const found = match(path) || { route: NOT_FOUND, params: {}, query: new URLSearchParams() };
    const { route, params, query } = found;
    if (!again && this.screen && path === this.screenPath) return;
    if (this.screen && this.screen.unsaved() && !window.confirm(t('unsaved.confirm'))) {
      // Stay: put the address back (the hashchange that follows finds the same path and does nothing).
      location.hash = '#' + this.screenPath;
      return;
    }
    if (!route.public && !this.user) return this.navigate('/login?next=' + encodeURIComponent(path));
    if (!this.allows(route.role)) {
      this.toast(t('error.access.denied'), 'error');
      return this.navigate(HOME);
    }
    if (this.screen) this.screen.leave();
    this.route = route;
    this.screenPath = path;
    const screen = new route.screen(this, params, query);
    this.screen = screen;
    this.draw();
    focusHeading();
    try {
      await screen.enter();
    } catch (e) {
      screen.failure = e;
    }
    if (this.screen === screen) {
      this.draw();
      focusHeading();
    }
  }

  /** Signed in (or out): remembers the account and goes on. */
  signedIn(user, next) {
    this.user = user;
    localStorage.setItem(SIGNED_IN_KEY, '1');
    this.navigate(next && next.charAt(0) === '/' && next.indexOf('/login') !== 0 ? next : HOME);
  }

  async signOut() {
    try { await api.post('/api/auth/logout'); } catch (e) { /* the session is gone either way */ }
    localStorage.removeItem(SIGNED_IN_KEY);
    this.user = null;
    this.navigate('/login');
  }

  async switchLanguage() {
    await useLanguage(language() === 'vi' ? 'en' : 'vi');
    this.draw();
  }

  /** A short message in the corner: kind 'ok' or 'error'. */
  toast(text, kind) {
    const item = { text, kind: kind || 'ok', id: Math.random() };
    this.toasts.push(item);
    this.drawToasts();
    setTimeout(() => { this.toasts = this.toasts.filter((x) => x !== item); this.drawToasts(); }, 6000);
  }

  /** Re-renders soon (several changes in one task render once). */
  update() {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => { this.pending = false; this.draw(); });
  }

  draw() {
    if (!this.screen) return;
    document.title = this.screen.title() + ' – QuizFest';
    const body = this.screen.failure ? failureView(this.screen.failure) : this.screen.render();
    const view = this.route.bare ? html`<div id="main" class="bare" data-screen=${this.route.path}>${body}</div>` : html`${this.header()}
      <main id="main" class="main" data-screen=${this.route.path}>${body}</main>`;
    render(view, this.root);
    document.body.classList.toggle('is-bare', !!this.route.bare);
  }

  drawToasts() {
    render(html`${this.toasts.map((x) => html`<p class=${'toast ' + x.kind}>${x.text}</p>`)}`, document.getElementById('toasts'));
  }

  header() {
    const here = this.route ? this.route.nav : null;
    return html`<header class="topbar">
      <a class="brand" href="#/host">QuizFest <span>${t('app.tagline')}</span></a>
      ${this.user ? html`<nav aria-label=${t('nav.label')}><ul>
        ${NAV.filter((item) => this.allows(item.role)).map((item) => html`<li><a href=${'#' + item.path}
          aria-current=${here === item.id ? 'page' : 'false'} data-nav=${item.id}>${t('nav.' + item.id)}</a></li>`)}
      </ul></nav>` : nothing}
      <div class="account">
        <button type="button" class="link" id="lang-switch" @click=${() => this.switchLanguage()}
          lang=${language() === 'vi' ? 'en' : 'vi'}>${t('lang.switch')}</button>
        ${this.user ? html`<span class="who" title=${t('role.' + this.user.role)}>${this.user.displayName || this.user.username}</span>
          <a href="#/password" data-nav="password">${t('nav.password')}</a>
          <button type="button" class="link" id="logout" @click=${() => this.signOut()}>${t('nav.logout')}</button>` : nothing}
      </div>
    </header>`;
  }
}

class NotFoundScreen extends Screen {
  title() {
    return t('notFound.title');
  }

  render() {
    return html`<section class="card narrow"><h1 id="page-title" tabindex="-1">${t('notFound.title')}</h1>
      <p>${t('notFound.lead')}</p><p><a href=${'#' + HOME}>${t('notFound.home')}</a></p></section>`;
  }
}

const NOT_FOUND = { path: '/not-found', screen: NotFoundScreen, public: true };

function failureView(error) {
  return html`<div class="error-box" role="alert"><h1 id="page-title" tabindex="-1">${t('error.title')}</h1>
    <p>${error && error.message ? error.message : t('error.unexpected')}</p></div>`;
}

function currentPath() {
  const hash = location.hash.replace(/^#/, '');
  return hash || HOME;
}

function match(full) {
  const [path, queryText] = full.split('?');
  const parts = path.split('/').filter(Boolean);
  for (const route of ROUTES) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params = {};
    let ok = true;
    for (let i = 0; i < pattern.length && ok; i++) {
      if (pattern[i].charAt(0) === ':') params[pattern[i].slice(1)] = decodeURIComponent(parts[i]);
      else ok = pattern[i] === parts[i];
    }
    if (ok) return { route, params, query: new URLSearchParams(queryText || '') };
  }
  return null;
}

function focusHeading() {
  const heading = document.getElementById('page-title');
  if (heading) heading.focus({ preventScroll: true });
}

const app = new Console();
app.start().catch((e) => {
  const boot = document.getElementById('app');
  boot.textContent = 'QuizFest: không tải được bảng điều khiển / the console failed to load. ' + (e && e.message ? e.message : '');
  throw e;
});
