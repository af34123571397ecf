#!/usr/bin/env bash
# Executes notebooks/external/standalone.ipynb as a user outside this repository would: copied into an empty
# temporary folder, on the plain JJava kernel "java" (not the flexphase-java kernelspec, which has the toolkit on
# its classpath). Twice: as committed, loading the toolkit with `%maven GROUP:ARTIFACT:VERSION` from the local
# Maven repository (run `mvn -B -ntp install -DskipTests -pl toolkit -am` first), and with that line replaced by
# `%jars <absolute path of toolkit/target/flexphase.jar>`. Executed copies go to build/notebooks/external/.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$repo/.venv"
if [ ! -f "$venv/share/jupyter/kernels/java/kernel.json" ]; then
  echo "run-standalone: the plain JJava kernel is not installed in $venv; run bash notebooks/setup.sh" >&2
  exit 1
fi
out="$repo/build/notebooks/external"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The notebook names the toolkit's coordinates; they must be this checkout's, or %maven would load another build.
"$venv/bin/python" - "$repo" "$work" <<'PY'
import json, os, sys, xml.etree.ElementTree as ET
repo, work = sys.argv[1], sys.argv[2]
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
pom = ET.parse(os.path.join(repo, "toolkit", "pom.xml")).getroot()
group = pom.find("m:parent/m:groupId", ns).text
version = pom.find("m:parent/m:version", ns).text
artifact = pom.find("m:artifactId", ns).text
expected = f"%maven {group}:{artifact}:{version}"
nb = json.load(open(os.path.join(repo, "notebooks", "external", "standalone.ipynb")))
first = next(c for c in nb["cells"] if c["cell_type"] == "code")
if "".join(first["source"]).strip() != expected:
    sys.exit(f"run-standalone: the first code cell of notebooks/external/standalone.ipynb must be '{expected}' "
             f"(the toolkit's coordinates in toolkit/pom.xml), found '{''.join(first['source']).strip()}'")
os.makedirs(os.path.join(work, "maven"))
os.makedirs(os.path.join(work, "jars"))
json.dump(nb, open(os.path.join(work, "maven", "standalone.ipynb"), "w"), indent=1)
first["source"] = ["%jars " + os.path.join(repo, "toolkit", "target", "flexphase.jar")]
json.dump(nb, open(os.path.join(work, "jars", "standalone.ipynb"), "w"), indent=1)
PY

failed=0
for variant in maven jars; do
  start=$(date +%s)
  log="$out/standalone-$variant.log"
  # nbconvert starts the kernel in the notebook's folder, the empty temporary one.
  if (cd "$work/$variant" && env -u JJAVA_CLASSPATH "$venv/bin/jupyter" nbconvert --to notebook --execute \
        --ExecutePreprocessor.kernel_name=java --ExecutePreprocessor.timeout=600 \
        --output "standalone-$variant" --output-dir "$out" standalone.ipynb) >"$log" 2>&1 \
     && "$venv/bin/python" - "$out/standalone-$variant.ipynb" >>"$log" 2>&1 <<'PY'
import json, sys
nb = json.load(open(sys.argv[1]))
images = sum("image/png" in o.get("data", {}) for c in nb["cells"] if c["cell_type"] == "code" for o in c["outputs"])
if images == 0:
    sys.exit(f"{sys.argv[1]}: the executed notebook shows no image")
PY
  then
    echo "standalone notebook (plain JJava kernel, %$variant): ok ($(( $(date +%s) - start )) s)"
  else
    echo "standalone notebook (plain JJava kernel, %$variant): FAILED ($(( $(date +%s) - start )) s); log: $log"
    tail -n 30 "$log"
    if [ "$variant" = maven ]; then
      echo "(%maven resolves from the local Maven repository: run mvn -B -ntp install -DskipTests -pl toolkit -am)"
    fi
    failed=1
  fi
done
exit $failed
