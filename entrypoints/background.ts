import { registerRouter } from '@/lib/background/router';
import { handlers } from '@/lib/background/handlers';
import { registerSync } from '@/lib/background/sync';
import { registerBadge } from '@/lib/background/badge';
import { registerReminder } from '@/lib/background/reminder';
import { registerIdle } from '@/lib/background/idle';
import { registerCommands } from '@/lib/background/commands';

// Wiring only. Listeners are registered synchronously so a worker woken by an event gets it.
export default defineBackground(() => {
  registerRouter(handlers);
  registerSync();
  registerBadge();
  registerReminder();
  registerIdle();
  registerCommands();
});
