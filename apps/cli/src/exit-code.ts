/** Every file parsed, or the command did what was asked. */
export const EXIT_OK = 0;

/** The command ran and found problems, such as a file with syntax errors. */
export const EXIT_FAILED = 1;

/** The command line was wrong: an unknown command or option, a missing or unreadable path. */
export const EXIT_USAGE = 2;

/** A bug in pqsdk: an exception nobody expected (`EX_SOFTWARE` of sysexits.h). */
export const EXIT_INTERNAL = 70;
