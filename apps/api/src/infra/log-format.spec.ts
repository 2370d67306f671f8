import { prettyLogs, type LogFormatContext } from './log-format.js';

const terminal: LogFormatContext = { format: 'auto', nodeEnv: 'development', ci: undefined, tty: true };

describe('log format', () => {
  it('prints readable lines on a local terminal', () => {
    expect(prettyLogs(terminal)).toBe(true);
    expect(prettyLogs({ ...terminal, ci: 'false' })).toBe(true);
  });

  it('keeps JSON when stdout is not a terminal, in production and under CI', () => {
    expect(prettyLogs({ ...terminal, tty: false })).toBe(false);
    expect(prettyLogs({ ...terminal, nodeEnv: 'production' })).toBe(false);
    expect(prettyLogs({ ...terminal, ci: 'true' })).toBe(false);
    expect(prettyLogs({ ...terminal, ci: '1' })).toBe(false);
  });

  it('does what LOG_FORMAT says when it is pretty or json', () => {
    expect(prettyLogs({ ...terminal, format: 'json' })).toBe(false);
    expect(prettyLogs({ format: 'pretty', nodeEnv: 'production', ci: 'true', tty: false })).toBe(true);
  });
});
