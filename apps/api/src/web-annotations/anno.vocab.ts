/** IRIs and media types of the W3C Web Annotation Data Model and Protocol, in one place. */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const LDP_CONTEXT = 'http://www.w3.org/ns/ldp.jsonld';

/** The media type every annotation resource is served as. */
export const ANNO_MEDIA_TYPE = `application/ld+json; profile="${ANNO_CONTEXT}"`;

export const LDP = {
  Resource: 'http://www.w3.org/ns/ldp#Resource',
  BasicContainer: 'http://www.w3.org/ns/ldp#BasicContainer',
  constrainedBy: 'http://www.w3.org/ns/ldp#constrainedBy',
  PreferMinimalContainer: 'http://www.w3.org/ns/ldp#PreferMinimalContainer',
} as const;

export const OA = {
  Annotation: 'http://www.w3.org/ns/oa#Annotation',
  PreferContainedIRIs: 'http://www.w3.org/ns/oa#PreferContainedIRIs',
  PreferContainedDescriptions: 'http://www.w3.org/ns/oa#PreferContainedDescriptions',
} as const;

export const PROTOCOL_SPEC = 'http://www.w3.org/TR/annotation-protocol/';

/** `Link` header values the protocol asks for. */
export const CONTAINER_LINKS = [
  `<${LDP.BasicContainer}>; rel="type"`,
  `<${PROTOCOL_SPEC}>; rel="${LDP.constrainedBy}"`,
].join(', ');
export const ANNOTATION_LINKS = [`<${LDP.Resource}>; rel="type"`, `<${OA.Annotation}>; rel="type"`].join(', ');

export const CONTAINER_ALLOW = 'GET, HEAD, OPTIONS, POST';
export const ANNOTATION_ALLOW = 'GET, HEAD, OPTIONS, PUT, DELETE';
export const PAGE_ALLOW = 'GET, HEAD, OPTIONS';
