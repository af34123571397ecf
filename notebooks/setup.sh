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

# JJava's pip package installs its own kernelspec ("java") into the venv; ours is a copy with the toolkit on the
# classpath. If JJava is not there (or FLEXPHASE_KERNEL=rapaio), fall back to rapaio-jupyter-kernel from Maven Central.
jjava_dir="$venv/share/jupyter/kernels/java"
rm -rf "$kernel_dir"
if [ -f "$jjava_dir/kernel.json" ] && [ "${FLEXPHASE_KERNEL:-jjava}" != "rapaio" ]; then
  kernel_name="JJava $("$venv/bin/pip" show jjava 2>/dev/null | sed -n 's/^Version: //p')"
  cp -r "$jjava_dir" "$kernel_dir"
  classpath_var=JJAVA_CLASSPATH
else
  rjk_version=3.0.1
  if [ "${FLEXPHASE_KERNEL:-jjava}" = "rapaio" ]; then
    echo "setup: FLEXPHASE_KERNEL=rapaio: using the fallback kernel rapaio-jupyter-kernel $rjk_version"
  else
    echo "setup: JJava is not installed (no kernelspec at $jjava_dir); falling back to rapaio-jupyter-kernel $rjk_version from Maven Central" >&2
  fi
  mkdir -p "$kernel_dir"
  mvn -B -q -ntp dependency:copy -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$rjk_version" \
      -DoutputDirectory="$kernel_dir" >/dev/null
  "$venv/bin/python" - "$kernel_dir" "$rjk_version" <<'PY'
import json, sys, os
d, v = sys.argv[1], sys.argv[2]
jar = os.path.join(d, f"rapaio-jupyter-kernel-{v}.jar")
json.dump({"argv": ["java", "-jar", jar, "{connection_file}"], "display_name": "Java (flexphase)", "language": "java",
           "interrupt_mode": "message",
           "env": {"RJK_CLASSPATH": "", "RJK_COMPILER_OPTIONS": "", "RJK_INIT_SCRIPT": "", "RJK_TIMEOUT_MILLIS": "-1"}},
          open(os.path.join(d, "kernel.json"), "w"), indent=2)
PY
  kernel_name="rapaio-jupyter-kernel $rjk_version"
  classpath_var=RJK_CLASSPATH
fi
"$venv/bin/python" - "$kernel_dir/kernel.json" "$jar" "$classpath_var" <<'PY'
import json, sys
path, jar, var = sys.argv[1], sys.argv[2], sys.argv[3]
spec = json.load(open(path))
spec["display_name"] = "Java (flexphase)"
spec.setdefault("env", {})[var] = jar
json.dump(spec, open(path, "w"), indent=2)
PY

# JJava silently drops a classpath entry it cannot find: prove the toolkit is really visible to the kernel.
KERNEL_NAME="$kernel_name" "$venv/bin/python" - <<'PY'
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
import os
print(f"setup: kernel flexphase-java ready ({os.environ['KERNEL_NAME']}, toolkit on the classpath)")
PY
