# Sourced by every iceOS script: finds a JDK 21+ and exports JAVA_HOME (and puts it first on PATH).
# Order: $JAVA_HOME if it is 21+, else the newest JDK under /usr/lib/jvm, else `java` on PATH.

iceos_java_major() {
  # Prints the major version of the java binary $1 (8 for 1.8), or nothing if it does not run.
  local spec
  spec="$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1)"
  case "$spec" in
    1.*) echo "${spec#1.}" ;;
    *) echo "$spec" ;;
  esac
}

iceos_find_java_home() {
  local candidate major best="" best_major=0 found=()
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major="$(iceos_java_major "$JAVA_HOME/bin/java")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$JAVA_HOME"
      return 0
    fi
    found+=("$JAVA_HOME ($major)")
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] && [ ! -L "$candidate" ] || continue
    major="$(iceos_java_major "$candidate/bin/java")"
    [ -n "$major" ] || continue
    found+=("$candidate ($major)")
    if [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ "$best_major" -ge 21 ]; then
    echo "$best"
    return 0
  fi
  if command -v java >/dev/null 2>&1; then
    candidate="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    major="$(iceos_java_major "$candidate/bin/java")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
    case " ${found[*]:-} " in
      *" $candidate ("*) ;;
      *) found+=("$candidate ($major)") ;;
    esac
  fi
  local list
  list="$(printf '%s, ' "${found[@]:-}")"
  list="${list%, }"
  echo "iceOS needs JDK 21+; found only ${list:-no JDK at all}; install e.g. \`apt-get install openjdk-21-jdk-headless\`" >&2
  return 1
}

if ! ICEOS_JAVA_HOME="$(iceos_find_java_home)"; then
  exit 1
fi
export JAVA_HOME="$ICEOS_JAVA_HOME"
export PATH="$JAVA_HOME/bin:$PATH"
unset ICEOS_JAVA_HOME
