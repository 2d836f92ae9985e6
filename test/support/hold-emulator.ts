import { Emulators } from '../../rehearse/emulators';

/**
 * Starts one emulator (python: argv[2], its log in the folder argv[3]), prints its process id and waits to be stopped by a signal: the rehearsal's
 * servers must not outlive it.
 */
const emulators = new Emulators(process.argv[2], process.argv[3]);
emulators.start('444444444444').then(
  (emulator) => {
    console.log(`emulator pid ${emulator.pid}`);
    setInterval(() => undefined, 60_000);
  },
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
