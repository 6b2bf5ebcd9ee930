// Buzzer rounds (Vòng bấm chuông): the contestants' own ranking on the results page, apart from the
// audience, with the same columns as the Excel/CSV export.
import { html, nothing } from 'lit-html';
import { t, num } from '../../lib/i18n.js';

/** The contestants' table, or nothing for a game without contestants. */
export function stageTable(results) {
  const buzzer = results.buzzer;
  if (!buzzer || !buzzer.contestants.length) return nothing;
  const cols = ['seat', 'warmup', 'acceleration', 'finish', 'presses', 'right', 'wrong', 'steals', 'stealsRight', 'star'];
  return html`<section aria-labelledby="contestants-heading" id="results-contestants">
    <h2 id="contestants-heading">${t('results.buzzer.contestants')}</h2>
    <div class="table-wrap"><table class="table" id="contestants-table"><thead><tr>
      <th scope="col" class="num">${t('results.col.rank')}</th><th scope="col">${t('results.col.nickname')}</th>
      <th scope="col" class="num">${t('results.col.score')}</th>
      ${cols.map((c) => html`<th scope="col" class="num">${t('results.buzzer.' + c)}</th>`)}</tr></thead>
      <tbody>${buzzer.contestants.map((c) => html`<tr class="contestant-row" data-player=${c.player}>
        <td class="num rank">${num(c.rank)}</td><td class="nick">${c.nickname}</td><td class="num score">${num(c.score)}</td>
        <td class="num seat">${c.seat == null ? '–' : num(c.seat)}</td>
        <td class="num warmup">${num(c.warmup)}</td><td class="num acceleration">${num(c.acceleration)}</td>
        <td class="num finish">${num(c.finish)}</td><td class="num presses">${num(c.presses)}</td>
        <td class="num right">${num(c.right)}</td><td class="num wrong">${num(c.wrong)}</td>
        <td class="num steals">${num(c.steals)}</td><td class="num steals-right">${num(c.stealsRight)}</td>
        <td class="num star">${c.starAt == null ? '–' : t('results.buzzer.starAt', { n: c.starAt + 1 })}</td></tr>`)}</tbody>
    </table></div></section>`;
}
