/** The one IPC channel name, shared by preload and main (its own module so the preload stays tiny). */
export const IPC_CHANNEL = 'kpr:invoke';
