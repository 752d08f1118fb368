import { TYPE } from '../values/type.js';
import { defineConstant, type LibraryEntry } from './define.js';

/** `Day.*`: the days of the week, Sunday 0 to Saturday 6, and their type. */
export const DAY_LIBRARY: readonly LibraryEntry[] = [
  defineConstant('Day.Type', TYPE.number),
  ...['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].map(
    (name, index) => defineConstant(`Day.${name}`, index),
  ),
];
