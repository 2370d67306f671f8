import { Stance } from '../generated/prisma/enums.js';
import { stanceMotivation, stanceOf, stanceTagBody } from './stance-motivation.js';

describe('stance as a Web Annotation motivation', () => {
  it('round-trips every stance through its motivation and tag', () => {
    for (const stance of Object.values(Stance)) {
      const tag = stanceTagBody(stance);
      expect(stanceOf(['commenting', stanceMotivation(stance)], tag ? [tag.value] : [])).toBe(stance);
    }
  });

  it('reads an assessment without an agree or disagree tag as no stance', () => {
    expect(stanceOf(['commenting', 'assessing'], ['important'])).toBeNull();
    expect(stanceOf(['commenting'], ['agree'])).toBeNull();
  });

  it('maps agreeing and disagreeing to assessing, questions to questioning, evidence to linking', () => {
    expect([Stance.AGREE, Stance.DISAGREE, Stance.QUESTION, Stance.EVIDENCE].map(stanceMotivation)).toEqual([
      'assessing',
      'assessing',
      'questioning',
      'linking',
    ]);
  });
});
