import { api } from '../api/client.ts';
import { plural } from '../ui/format.ts';
import { useQuery } from '../ui/useQuery.ts';
import { speakerTone } from './BlockView.tsx';
import { debateLean } from './stance.ts';
import { DEBATE_STANCES_QUERY, type DebateStancesResult, type DebateTopic } from './stanceQueries.ts';
import '../styles/stances.css';

/**
 * On a debate: per topic, how readers' stances split between the two sides (agreeing with a
 * side's turns or disagreeing with the other's counts for it). Nothing on other articles.
 */
export function DebateStances({ slug, version = 0 }: { slug: string; version?: number }) {
  const query = useQuery(`debate-stances|${slug}|${version}`, (signal) =>
    api.request<DebateStancesResult>(DEBATE_STANCES_QUERY, { slug }, { signal }),
  );
  const topics = (query.data?.article?.debateStances ?? []).filter((t) => t.sides.length === 2);
  if (topics.length === 0) return null;
  return (
    <section className="debate-stances" aria-labelledby="debate-stances-heading">
      <h2 id="debate-stances-heading">How readers lean, topic by topic</h2>
      <ul>
        {topics.map((t) => {
          const [a, b] = t.sides as [DebateTopic['sides'][0], DebateTopic['sides'][0]];
          const lean = debateLean(a.stances, b.stances);
          const total = lean.forA + lean.forB;
          return (
            <li key={t.start} className="debate-topic">
              <span className="debate-topic-name">{t.topic ?? 'Opening'}</span>
              {total === 0 ? (
                <span className="debate-topic-empty">No stances yet</span>
              ) : (
                <>
                  <span className="debate-bar" aria-hidden="true">
                    <span
                      className={`debate-bar-side speaker-${speakerTone(a.speaker)}`}
                      style={{ flexGrow: lean.shareA }}
                    />
                    <span
                      className={`debate-bar-side speaker-${speakerTone(b.speaker)}`}
                      style={{ flexGrow: lean.shareB }}
                    />
                  </span>
                  <span className="debate-topic-counts">
                    {a.speaker} {lean.forA} · {b.speaker} {lean.forB}
                    <span className="visually-hidden">
                      : {plural(lean.forA, 'stance')} for {a.speaker}, {plural(lean.forB, 'stance')} for {b.speaker}
                    </span>
                  </span>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
