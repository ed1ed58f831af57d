# Sourced by ./newsctl, ./run-tests and .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# Order: an already suitable JAVA_HOME, the `java` on PATH, then JDKs under the usual install roots.

newsctl_java_major() { # prints the feature version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1 | cut -d. -f1
}

newsctl_pick_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" \
                   "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
                   /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home /opt/java/* /opt/jdk*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(newsctl_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "newsctl needs a JDK 21 or newer; none found (set JAVA_HOME)." >&2
  return 1
}
