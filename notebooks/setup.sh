#!/usr/bin/env bash
# Sets up the notebook environment: a virtual environment under <repo>/.venv with Jupyter and the JJava kernel,
# the toolkit jar, and a kernelspec "flexphase-java" whose JJAVA_CLASSPATH is that jar. Idempotent.
#   bash notebooks/setup.sh            # set up (builds the jar only if missing)
#   bash notebooks/setup.sh --rebuild  # also rebuild the toolkit jar
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$repo/.venv"
jar="$repo/toolkit/target/flexphase.jar"
kernel_dir="$venv/share/jupyter/kernels/flexphase-java"

if [ ! -x "$venv/bin/python" ]; then
  if ! python3 -m venv "$venv" 2>/dev/null; then
    if [ "$(id -u)" = 0 ]; then
      echo "setup: python3 -m venv failed; installing python3-venv with apt-get"
      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
      python3 -m venv "$venv"
    else
      echo "setup: cannot create a virtual environment: install python3-venv" >&2
      exit 1
    fi
  fi
fi
"$venv/bin/pip" install -q --disable-pip-version-check -r "$repo/notebooks/requirements.txt"

if [ ! -f "$jar" ] || [ "${1:-}" = "--rebuild" ]; then
  (cd "$repo" && mvn -B -q -ntp package -DskipTests -pl toolkit -am)
fi

# JJava's pip package installs its own kernelspec ("java") into the venv; ours is a copy with the toolkit on the classpath.
jjava_dir="$venv/share/jupyter/kernels/java"
if [ ! -f "$jjava_dir/kernel.json" ]; then
  echo "setup: JJava's kernelspec was not installed by 'pip install jjava' (expected $jjava_dir/kernel.json)" >&2
  exit 1
fi
rm -rf "$kernel_dir"
cp -r "$jjava_dir" "$kernel_dir"
"$venv/bin/python" - "$kernel_dir/kernel.json" "$jar" <<'PY'
import json, sys
path, jar = sys.argv[1], sys.argv[2]
spec = json.load(open(path))
spec["display_name"] = "Java (flexphase)"
spec.setdefault("env", {})["JJAVA_CLASSPATH"] = jar
json.dump(spec, open(path, "w"), indent=2)
PY

# JJava silently drops a classpath entry it cannot find: prove the toolkit is really visible to the kernel.
"$venv/bin/python" - <<'PY'
from jupyter_client.manager import start_new_kernel
km, kc = start_new_kernel(kernel_name="flexphase-java", startup_timeout=120)
try:
    reply = kc.execute_interactive("org.flexphase.util.Rngs.create(1).nextLong()", timeout=120,
                                   output_hook=lambda m: None)
    if reply["content"]["status"] != "ok":
        raise SystemExit("setup: the flexphase-java kernel cannot load org.flexphase classes: "
                         + str(reply["content"].get("evalue")))
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
print("setup: kernel flexphase-java ready (JJava, toolkit on the classpath)")
PY
