// What a handler answers, before the transport (faults, Date header, close) applies.

export interface Reply {
  status: number;
  body?: string;
  type?: string;
  headers?: Record<string, string>;
}

export const json = (status: number, value: unknown, headers?: Record<string, string>): Reply => ({
  status,
  body: JSON.stringify(value),
  type: 'application/json',
  headers,
});

export const html = (status: number, text: string, headers?: Record<string, string>): Reply => ({
  status,
  body: text,
  type: 'text/html; charset=utf-8',
  headers,
});

export const noContent = (): Reply => ({ status: 204 });

/** Laravel's default messages, also used by status faults without a body. */
export const STATUS_MESSAGES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthenticated.',
  403: 'This action is unauthorized.',
  404: 'Not Found',
  405: 'Method Not Allowed',
  419: 'CSRF token mismatch.',
  422: 'The given data was invalid.',
  429: 'Too Many Attempts.',
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Laravel's HTML error page, for clients that did not ask for JSON. */
export function errorPage(status: number): Reply {
  const msg = escapeHtml(STATUS_MESSAGES[status] ?? 'Error');
  return html(
    status,
    `<!doctype html><html><head><title>${msg}</title></head><body><h1>${status} | ${msg}</h1></body></html>`,
  );
}
