#!/usr/bin/env python3
"""Benchmark of the Spark scale-out (issue 16): potentials per second of `./bandsmith dataset generate` run locally,
with --spark local[1] (one executor core), --spark local[2], and on a standalone master + worker on localhost
(started from the Maven-resolved Spark classes, like the tests); the same for `explore` locally (1 thread) and on
local[1]. Wall time and CPU time (user + system) of the whole process (JVM start, Spark start-up, writing) are recorded;
on a shared machine the CPU-time rate is the steadier figure. See docs/BENCHMARKS.md and docs/scale-out.md.

usage: python3 benchmarks/bench_scaleout.py [--count 400] [--shard-size 50] [--explore 200]
                                            [--out benchmarks/results/scaleout.json]
Needs the Spark module built: mvn -B -DskipTests package -pl spark -am
"""
import argparse
import json
import os
import platform
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BANDSMITH = os.path.join(ROOT, "bandsmith")
HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd):
    """Runs a command; returns wall seconds, CPU seconds of the process and its children, stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, p.stderr


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def java_options():
    pom = open(os.path.join(ROOT, "spark", "pom.xml")).read()
    return re.search(r"<spark.javaOptions>(.*)</spark.javaOptions>", pom).group(1).split()


def start_cluster(tmp, cores):
    """A standalone master and one worker as child JVMs; returns (master URL, processes)."""
    cp = os.path.join(ROOT, "spark", "target", "bandsmith-spark.jar") + ":" + open(
        os.path.join(ROOT, "spark", "target", "classpath.txt")).read().strip()
    home = os.path.join(tmp, "spark-home")
    os.makedirs(os.path.join(home, "jars"), exist_ok=True)
    env = dict(os.environ, SPARK_HOME=home, SPARK_SCALA_VERSION="2.13", SPARK_LOCAL_IP="127.0.0.1",
               OPENBLAS_CORETYPE="Haswell")
    port = free_port()
    java = ["java", "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info"] + java_options() + ["-cp", cp]
    logs = []

    def start(name, args, ready):
        log = os.path.join(tmp, name + ".log")
        logs.append(log)
        p = subprocess.Popen(java + args, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT)
        for _ in range(600):
            if ready in open(log).read():
                return p
            time.sleep(0.2)
        sys.exit(f"{name} did not start: see {log}")

    master = start("master", ["org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", str(port),
                              "--webui-port", str(free_port())], "I have been elected leader")
    url = f"spark://127.0.0.1:{port}"
    worker = start("worker", ["org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", str(cores),
                              "--memory", "3g", "--webui-port", str(free_port()), "--work-dir",
                              os.path.join(tmp, "work"), url], "Successfully registered with master")
    return url, [worker, master]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=400)
    ap.add_argument("--shard-size", type=int, default=50)
    ap.add_argument("--explore", type=int, default=200)
    ap.add_argument("--out", default=os.path.join(HERE, "results", "scaleout.json"))
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="bandsmith-bench-scaleout-")
    run([BANDSMITH, "--version"])  # build if needed, outside the timings
    run([BANDSMITH, "explore", "--samples", "1", "--spark", "local[1]"])  # the Spark module too
    with open("/proc/loadavg") as f:
        load = f.read().split()[:3]
    results = {"machine": f"{platform.node()} {platform.processor() or platform.machine()}, {os.cpu_count()} cores",
               "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "load_average_at_start": load,
               "count": a.count, "shard_size": a.shard_size, "explore_samples": a.explore, "runs": []}
    url, procs = start_cluster(tmp, 2)
    try:
        cases = [
            ("dataset", "local, 1 thread", ["--threads", "1"]),
            ("dataset", "local, 2 threads", ["--threads", "2"]),
            ("dataset", "spark local[1]", ["--spark", "local[1]"]),
            ("dataset", "spark local[2]", ["--spark", "local[2]"]),
            ("dataset", "spark standalone, 1 worker x 2 cores", ["--spark", url]),
            ("explore", "local, 1 thread", ["--threads", "1"]),
            ("explore", "spark local[1]", ["--spark", "local[1]"]),
        ]
        for i, (kind, name, extra) in enumerate(cases):
            if kind == "dataset":
                cmd = [BANDSMITH, "dataset", "generate", "--count", str(a.count), "--shard-size", str(a.shard_size),
                       "--out", os.path.join(tmp, f"d{i}")] + extra
                n = a.count
            else:
                cmd = [BANDSMITH, "explore", "--samples", str(a.explore), "--out", os.path.join(tmp, f"e{i}.json")] \
                    + extra
                n = a.explore
            wall, cpu, _ = run(cmd)
            # the standalone executors are children of the worker, not of this script: their CPU is not in `cpu`
            r = {"command": kind, "run": name, "potentials": n, "wall_s": round(wall, 1),
                 "per_second_wall": round(n / wall, 2), "cpu_s": round(cpu, 1),
                 "per_cpu_second": round(n / cpu, 2) if "standalone" not in name else None}
            print(json.dumps(r), flush=True)
            results["runs"].append(r)
        ref = os.path.join(tmp, "d0")
        same = all(open(os.path.join(ref, f), "rb").read() == open(os.path.join(tmp, f"d{i}", f), "rb").read()
                   for i in range(1, 5) for f in os.listdir(ref) if not f.startswith("."))  # not the local run's .lock
        results["all_dataset_runs_byte_identical"] = same
    finally:
        for p in procs:
            # executors are children of the worker: end them first (by parent id, ours only)
            for pid in os.listdir("/proc"):
                if pid.isdigit():
                    try:
                        if open(f"/proc/{pid}/stat").read().split(") ")[1].split()[1] == str(p.pid):
                            os.kill(int(pid), 9)
                    except (OSError, IndexError):
                        pass
            p.kill()
            p.wait()
    with open("/proc/loadavg") as f:
        results["load_average_at_end"] = f.read().split()[:3]
    with open(a.out, "w") as f:
        json.dump(results, f, indent=1)
    print(json.dumps(results, indent=1))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
