import '../styles/stances.css';

/**
 * Shade the text and the discussion map by how divided each passage's readers are instead
 * of how much was said; the status line says what the shading shows.
 */
export function DisagreementSwitch({
  on,
  onChange,
  status,
}: {
  on: boolean;
  onChange(on: boolean): void;
  status: string | null;
}) {
  return (
    <div className="disagreement-switch">
      <button type="button" className="button button-ghost" aria-pressed={on} onClick={() => onChange(!on)}>
        Shade by disagreement
      </button>
      {status && (
        <p className="disagreement-switch-status" role="status">
          {status}
        </p>
      )}
    </div>
  );
}
