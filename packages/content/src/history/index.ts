export { commentBodyFromHtml, type CommentBody } from './comment-body.js';
export { detectHistoryFormat, type HistoryFormat } from './detect-history.js';
export { readDisqus, type DisqusEvent } from './disqus.js';
export type {
  DisqusPost,
  DisqusThread,
  HistoryAuthor,
  HistoryComment,
  HistoryStatus,
  WxrPost,
} from './history-types.js';
export { articleLinkKey, articleLinkVariants, cleanArticleLink } from './urls.js';
export { readWxr, type WxrEvent } from './wxr.js';
