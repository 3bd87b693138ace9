/**
 * Plain SQL over a ClickHouse node's HTTP port, for a test to look behind the platform. A pooled
 * connection the server closed as idle (its keep_alive_timeout is 3 s) fails before the server
 * read anything: that one is sent again, on a new connection.
 */
export async function nodeSql(url: string, query: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${url}/`, { method: 'POST', body: query });
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
    response = await fetch(`${url}/`, { method: 'POST', body: query });
  }
  const text = await response.text();
  if (!response.ok) throw new Error(`${query}: ${text}`);
  return text.trim();
}
