/** Plain SQL over a ClickHouse node's HTTP port, for a test to look behind the platform. */
export async function nodeSql(url: string, query: string): Promise<string> {
  const response = await fetch(`${url}/`, { method: 'POST', body: query });
  const text = await response.text();
  if (!response.ok) throw new Error(`${query}: ${text}`);
  return text.trim();
}
