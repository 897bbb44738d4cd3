// Laravel's length-aware paginator envelope: {data, links, meta}.

export interface Envelope<T> {
  data: T[];
  links: { first: string; last: string; prev: string | null; next: string | null };
  meta: {
    current_page: number;
    from: number | null;
    last_page: number;
    path: string;
    per_page: number;
    to: number | null;
    total: number;
  };
}

const positive = (raw: string | undefined, fallback: number): number => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
};

export function paginate<T>(
  items: T[],
  query: Record<string, string>,
  url: string,
  perPageDefault = 15,
): Envelope<T> {
  const perPage = Math.min(positive(query.per_page, perPageDefault), 100);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const page = positive(query.page, 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (p: number): string => {
    const params = new URLSearchParams({ ...query, page: String(p) });
    return `${url}?${params.toString()}`;
  };
  const from = slice.length ? (page - 1) * perPage + 1 : null;
  return {
    data: slice,
    links: {
      first: link(1),
      last: link(lastPage),
      prev: page > 1 ? link(page - 1) : null,
      next: page < lastPage ? link(page + 1) : null,
    },
    meta: {
      current_page: page,
      from,
      last_page: lastPage,
      path: url,
      per_page: perPage,
      to: from === null ? null : from + slice.length - 1,
      total: items.length,
    },
  };
}
