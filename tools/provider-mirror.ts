import { findProviderMirror } from '../terraform-tools/discovery';

/**
 * Prints the terraform filesystem mirror that holds hashicorp/aws <version> (the folder that
 * contains registry.terraform.io/), found as the terraform checks find it; exit 1 when none does.
 */
const version = process.argv[2];
const mirror = version ? findProviderMirror(version) : undefined;
if (mirror) console.log(mirror);
else console.error(version ? `no filesystem mirror of hashicorp/aws ${version}` : 'usage: provider-mirror.ts <hashicorp/aws version>');
process.exitCode = mirror ? 0 : 1;
