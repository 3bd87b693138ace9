/** One palette for every chart and tag: RAG colours readable on white and by colour-blind readers (with the text beside). */
export const RAG_COLOURS = {
  green: '#2f9e44',
  amber: '#e8a33d',
  red: '#d64545',
  no_data: '#adb5bd',
  context: '#74a9cf',
} as const;
export const SERIES_COLOURS = ['#2680c2', '#3ebd93', '#9c6ade', '#f0b429', '#ef4e4e', '#4098d7', '#8ded8e'];
export type RagKey = keyof typeof RAG_COLOURS;
