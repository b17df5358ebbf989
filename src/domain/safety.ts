// The safety detector lives in src/domain/safety/ (phrases.ts: what it looks for; detect.ts: how).
export { assess, mayBeInDanger, explain, type Assessment } from './safety/detect';
