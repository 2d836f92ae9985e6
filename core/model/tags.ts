/** Tags the provider's default tags put on every resource of every stack. */
export const MANAGED_BY_TAG = { ManagedBy: 'cdktf', Blueprint: 'multi-account-data-sharing' };
