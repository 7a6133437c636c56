/** The three columns every results table shows for a score: responses, NPS and its 95% interval. */
import type { NpsResult } from '../../core/nps.js';
import { Interval, Signed, type Numbers } from '../numbers.js';

export function ResultHeads() {
  return (
    <>
      <th scope="col">Responses</th>
      <th scope="col">NPS</th>
      <th scope="col">95% interval</th>
    </>
  );
}

export function ResultCells({ result, f }: { result: NpsResult; f: Numbers }) {
  return (
    <>
      <td>{f.whole(result.total)}</td>
      <td>{result.rounded === null ? '–' : <Signed value={result.rounded} f={f} />}</td>
      <td>{result.interval ? <Interval interval={result.interval} f={f} /> : '–'}</td>
    </>
  );
}
