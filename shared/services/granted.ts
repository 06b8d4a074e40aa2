/**
 * A dependency a service takes only in the functions granted it (the documents bucket, the code key, the
 * mailer...): the service calls this where it uses one, so a function built without it fails there, naming
 * what it lacks, as its missing grant would in AWS.
 */
export function granted<T>(dependency: T | undefined, what: string): T {
  if (dependency === undefined) throw new Error(`This function has no access to ${what}: grant it in its route`);
  return dependency;
}
