/**
 * What one request may carry (issue 13, class 8): beyond these the mock API refuses the request
 * before doing any work — 413 for a body that is too large, 422 (`too_many` / `too_long`) for a
 * list or a text that is too long — so no request can block the page for seconds. docs/api.md
 * lists them; the UI stays well inside them (a page of the list holds at most 500 rows).
 */
export const REQUEST_LIMITS = {
  /** Bytes of a JSON body of the public endpoints. */
  bodyBytes: 1_000_000,
  /**
   * Bytes of a state document imported with PUT /_mock/state: what the app exports must come back
   * in (`large` exports ~17 MiB, `xlarge` ~86 MiB; importing that one takes seconds).
   */
  importBytes: 128 * 1024 * 1024,
  /** Ids in one bulk action. */
  bulkIds: 1_000,
  /** Add-on plans of one subscription. */
  addonIds: 50,
  /** Characters of a list's search text `q`. */
  searchText: 200,
} as const;

/**
 * What one scenario build (`POST /_mock/build`, `?build=`, the tools' Scenario builder) may ask
 * for: the `xlarge` scenario's size at most. Shares go in steps of 0.0001 (0.01 %).
 */
export const BUILD_LIMITS = {
  seed: 4_294_967_295,
  customers: 10_000,
  subscriptions: 50_000,
  /** Service plans in all (hosting and add-ons); at least 1. */
  plans: 50,
  shareStep: 0.0001,
} as const;

/** Lists: the page sizes a screen offers, the default, and the most one request may ask for. */
export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 500;

/**
 * Characters a field may hold (the schemas of src/domain/schemas.ts check them; a screen that
 * needs the number asks here).
 */
export const FIELD_LIMITS = {
  contactName: 60,
  companyName: 60,
  login: 60,
  passwordMin: 8,
  password: 255,
  email: 254,
  phone: 30,
  address: 255,
  city: 100,
  postalCode: 20,
  planName: 60,
} as const;
