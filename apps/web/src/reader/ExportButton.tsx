import { useState } from 'react';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import { EXPORT_ARTICLE_QUERY, type ExportArticleResult } from '../api/queries.ts';

/** Admins download an article with its published discussion as a marginalia bundle. */
export function ExportButton({ articleId, slug }: { articleId: string; slug: string }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const download = async () => {
    setState({ busy: true, error: null });
    try {
      const { exportArticle } = await api.request<ExportArticleResult>(EXPORT_ARTICLE_QUERY, { id: articleId });
      const url = URL.createObjectURL(new Blob([exportArticle], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${slug}.bundle.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: errorMessage(error) });
    }
  };
  return (
    <>
      <button type="button" className="link-button" onClick={() => void download()} disabled={state.busy}>
        {state.busy ? 'Exporting…' : 'Export bundle'}
      </button>
      {state.error && (
        <span className="field-error" role="alert">
          {state.error}
        </span>
      )}
    </>
  );
}
