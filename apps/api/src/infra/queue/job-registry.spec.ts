import { assertOneHandlerEach } from './job-registry.js';
import { JOB_NAMES } from './jobs.js';

const allHandled = (): Map<string, string[]> => new Map(JOB_NAMES.map((name) => [name, [`Handler.${name}`]]));

describe('job handler registry', () => {
  it('accepts exactly one handler per job name', () => {
    expect(() => assertOneHandlerEach(allHandled())).not.toThrow();
  });

  it('refuses to boot when a job has no handler', () => {
    const found = allHandled();
    found.delete(JOB_NAMES[0]!);
    expect(() => assertOneHandlerEach(found)).toThrow(`job "${JOB_NAMES[0]}" has no handler`);
  });

  it('refuses to boot when a job has two handlers', () => {
    const found = allHandled();
    found.set(JOB_NAMES[0]!, ['A.run', 'B.run']);
    expect(() => assertOneHandlerEach(found)).toThrow(/has 2 handlers: A\.run, B\.run/);
  });

  it('refuses a handler for a job that is not declared', () => {
    const found = allHandled();
    found.set('made-up-job', ['X.run']);
    expect(() => assertOneHandlerEach(found)).toThrow('handler for unknown job "made-up-job"');
  });
});
