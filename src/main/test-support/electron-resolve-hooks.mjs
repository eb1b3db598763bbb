// Module resolve hook (node:module register): `electron` imported by the built shell in out/main
// resolves to the stand-in beside this file, one instance per loaded shell (the shell's `?load=N`
// query is carried over, so each load binds the recorder that was current when it started).
let standInUrl = '';
let shellDirUrl = '';

export function initialize(data) {
  standInUrl = data.standInUrl;
  shellDirUrl = data.shellDirUrl;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' && context.parentURL && context.parentURL.startsWith(shellDirUrl)) {
    return { url: standInUrl + new URL(context.parentURL).search, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
