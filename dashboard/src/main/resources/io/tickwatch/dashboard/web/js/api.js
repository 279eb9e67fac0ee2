// HTTP access to the dashboard API (docs: /work/helper-apis.md "Dashboard HTTP API"). Paths are
// resolved against the page, so the UI also works behind a path prefix.

const TOKEN_KEY = 'tickwatch.accessToken';

/** A non-2xx answer; `status` is the HTTP status, `message` the server's {"error": ...} text. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

/** Thrown when the user closes the token dialog instead of entering a token. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export function apiUrl(path, params) {
  const url = new URL(path.replace(/^\//, ''), document.baseURI);
  if (params) {
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
    }
  }
  return url;
}

async function errorOf(response) {
  let message = response.status + ' ' + response.statusText;
  try {
    const body = await response.json();
    if (body && typeof body.error === 'string') message = body.error;
  } catch (ignored) {
    // not JSON: keep the status line
  }
  return new ApiError(response.status, message);
}

/** GET a JSON document. */
export async function getJson(path, params) {
  const response = await fetch(apiUrl(path, params), { headers: { Accept: 'application/json' } });
  if (!response.ok) throw await errorOf(response);
  return response.json();
}

export function storedToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch (ignored) {
    return null;
  }
}

export function storeToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

let tokenPrompt = async () => null;

/** Installs the function that asks the user for a token (resolves to the token or null). */
export function setTokenPrompt(prompt) {
  tokenPrompt = prompt;
}

/**
 * POST a JSON body to a control endpoint with the access token (asked for once per browser tab
 * and kept in sessionStorage). A 401 forgets the stored token so the next action asks again.
 */
export async function postControl(path, body) {
  let token = storedToken();
  if (!token) {
    token = await tokenPrompt();
    if (!token) throw new Cancelled();
    storeToken(token);
  }
  const response = await fetch(apiUrl(path), {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Authorization: 'Bearer ' + token,
    },
    body: JSON.stringify(body),
  });
  if (response.status === 401) storeToken(null);
  if (!response.ok) throw await errorOf(response);
  const text = await response.text();
  return text ? JSON.parse(text) : {};
}
