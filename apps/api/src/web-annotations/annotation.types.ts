import type { StanceMotivation } from './stance-motivation.js';

/** The JSON-LD shapes this server emits (a subset of the Web Annotation vocabulary). */

type Motivation = 'commenting' | 'replying';

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  format: 'text/markdown' | 'text/html' | 'text/plain';
  purpose?: 'commenting' | 'replying' | 'tagging';
}

export interface TextQuoteSelectorJson {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelectorJson {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface TimeStateJson {
  /** `urn:uuid:<revision id>`: the revision the selectors describe. */
  id: string;
  type: 'TimeState';
  sourceDate: string;
}

export interface SpecificResourceJson {
  source: string;
  selector?: [TextQuoteSelectorJson, TextPositionSelectorJson];
  state?: TimeStateJson;
}

export interface PersonJson {
  type: 'Person';
  name: string;
  nickname?: string;
}

export interface AnnotationJson {
  '@context'?: string;
  id: string;
  type: 'Annotation';
  /** `commenting` or `replying`, then the stance's motivation if the comment has one. */
  motivation: Motivation | [Motivation, StanceMotivation];
  created: string;
  modified: string;
  creator?: PersonJson;
  body: TextualBody | TextualBody[];
  /** A passage or the page for a thread root; the parent annotation's IRI for a reply. */
  target: SpecificResourceJson | string;
}

export interface AnnotationPageJson {
  '@context'?: string;
  id: string;
  type: 'AnnotationPage';
  partOf: { id: string; total: number; modified: string };
  startIndex: number;
  next?: string;
  prev?: string;
  items: Array<AnnotationJson | string>;
}

export interface ContainerJson {
  '@context': string[];
  id: string;
  type: ['BasicContainer', 'AnnotationCollection'];
  label: string;
  total: number;
  modified: string;
  first?: AnnotationPageJson | string;
  last?: string;
}
