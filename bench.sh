#!/usr/bin/env bash
# The performance benchmark (docs/performance.md): builds the registry, then runs
# org.treatyregistry.api.benchmark.Benchmark in a JVM limited to -Xmx512m against an embedded PostgreSQL started the
# way the tests start it. Options pass through, e.g. ./bench.sh --events=100000 --append-seconds=5
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B -DskipTests install
./mvnw -q -B -pl registry-api dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
mkdir -p registry-api/target/benchmark
cd registry-api
exec java -Xmx512m -XX:+UseG1GC -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
  org.treatyregistry.api.benchmark.Benchmark "$@"
