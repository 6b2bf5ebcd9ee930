// The organisation's quizzes, newest first.
import { html, nothing } from 'lit-html';
import { api } from '../../lib/api.js';
import { t, num, dateTime } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { errorBox, pageHeader, spinner } from '../../lib/ui.js';

export class QuizListScreen extends Screen {
  title() {
    return t('quiz.title');
  }

  async enter() {
    this.quizzes = await api.get('/api/quizzes');
  }

  render() {
    const writer = this.app.allows('ORGANISER');
    return html`${pageHeader(t('quiz.title'), writer ? html`<a class="button primary" href="#/quizzes/new" id="new-quiz">${t('quiz.new')}</a>` : nothing)}
      <p class="lead">${t('quiz.lead')}</p>
      ${errorBox(this.error)}
      ${!this.quizzes ? spinner() : this.quizzes.length === 0 ? html`<p class="card empty" id="no-quizzes">${t('quiz.empty')}</p>`
        : html`<div class="table-wrap"><table id="quiz-table"><thead><tr><th>${t('quiz.name')}</th><th class="num">${t('quiz.questionCount')}</th>
          <th>${t('editor.language')}</th><th>${t('quiz.updated')}</th><th>${t('common.actions')}</th></tr></thead>
          <tbody>${this.quizzes.map((q) => html`<tr data-id=${q.id}><td><a href=${'#/quizzes/' + q.id}>${q.title}</a>
            ${q.description ? html`<div class="hint">${q.description}</div>` : nothing}</td>
            <td class="num">${num(q.questionCount)}</td><td>${t('language.' + q.language)}</td><td>${dateTime(q.updatedAt)}</td>
            <td><a href=${'#/host?quiz=' + q.id} data-host=${q.id}>${t('quiz.host')}</a></td></tr>`)}</tbody></table></div>`}`;
  }
}
