#!/usr/bin/env python3
"""Speed and memory of `tenet scan`, measured (never asserted by tests).

Generates a large corpus under bench/corpus/ (git-ignored), then times the release binary on:
  - the bundled testdata/ (fixtures, examples, malformed inputs),
  - the generated corpus (1,000 Kubernetes manifest files, 100 Dockerfiles),
  - one small file (start-up cost: what a pre-commit hook pays),
  - one generated Terraform module of growing size, in native and in JSON syntax.
Reports the median wall time over --runs runs and the peak resident memory (max RSS).

    cargo build --release && python3 bench/bench.py
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / "target" / "release" / "tenet"

CONTAINER = """\
        - name: {name}
          image: {image}
          ports:
            - containerPort: {port}
          securityContext:
            privileged: {privileged}
            readOnlyRootFilesystem: {ro}
            runAsNonRoot: {nonroot}
          resources:
            limits: {{cpu: 500m, memory: 256Mi}}
"""

WORKLOAD = """\
apiVersion: apps/v1
kind: {kind}
metadata:
  name: {name}
  namespace: team-{team}
  labels: {{app: {name}, tier: backend}}
spec:
  selector:
    matchLabels: {{app: {name}}}
  template:
    metadata:
      labels: {{app: {name}}}
    spec:
      hostNetwork: {host}
      containers:
{containers}"""

SERVICE = """\
apiVersion: v1
kind: Service
metadata:
  name: {name}
  namespace: team-{team}
spec:
  selector: {{app: {name}}}
  ports:
    - port: 80
      targetPort: 8080
"""

DOCKERFILE = """\
ARG BASE=debian:12
FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app{i} ./...

FROM ${{BASE}}
RUN apt-get update && \\
    apt-get install -y --no-install-recommends ca-certificates && \\
    rm -rf /var/lib/apt/lists/*
COPY --from=build /out/app{i} /usr/local/bin/app
USER {user}
ENTRYPOINT ["/usr/local/bin/app"]
"""


def generate(corpus: Path, manifests: int, dockerfiles: int) -> None:
    marker = corpus / f".generated-{manifests}-{dockerfiles}"
    if marker.exists():
        return
    rng = random.Random(42)
    images = ["nginx:1.25", "nginx:latest", "redis", "registry.example.com/app@sha256:" + "a" * 64]
    for i in range(manifests):
        directory = corpus / "k8s" / f"team{i % 20}"
        directory.mkdir(parents=True, exist_ok=True)
        containers = "".join(
            CONTAINER.format(
                name=f"c{c}", image=rng.choice(images), port=8080 + c,
                privileged=rng.choice(["true", "false"]), ro=rng.choice(["true", "false"]),
                nonroot=rng.choice(["true", "false"]),
            )
            for c in range(rng.randint(1, 3))
        )
        name = f"svc{i}"
        docs = [WORKLOAD.format(kind=rng.choice(["Deployment", "StatefulSet", "DaemonSet"]), name=name,
                                team=i % 20, host=rng.choice(["true", "false"]), containers=containers),
                SERVICE.format(name=name, team=i % 20)]
        (directory / f"{name}.yaml").write_text("---\n".join(docs))
    for i in range(dockerfiles):
        directory = corpus / "docker" / f"app{i}"
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "Dockerfile").write_text(DOCKERFILE.format(i=i, user=rng.choice(["app", "root", "1000"])))
    marker.write_text("")


TERRAFORM_RESOURCE = """\
resource "aws_security_group" "sg{i}" {{
  name = "${{local.prefix}}-{i}"
  dynamic "ingress" {{
    for_each = local.ports
    content {{
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = [var.cidr]
    }}
  }}
  tags = merge(local.tags, {{ index = "{i}" }})
}}

resource "aws_instance" "vm{i}" {{
  count                  = 2
  ami                    = "ami-{i}"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.sg{i}.id]
  metadata_options {{
    http_tokens = count.index == 0 ? "required" : "optional"
  }}
}}

locals {{
  name{i} = "${{local.prefix}}-${{aws_security_group.sg{i}.name}}"
}}
"""


def terraform_native(size: int) -> str:
    """One module of `size` x (security group with a dynamic ingress, instance with count = 2,
    local), in native syntax."""
    header = 'variable "cidr" { default = "10.0.0.0/8" }\nlocals {\n  prefix = "bench"\n  ports = [22, 443]\n  tags = { team = "core" }\n}\n'
    return header + "".join(TERRAFORM_RESOURCE.format(i=i) for i in range(size))


def terraform_json(size: int) -> dict:
    """The module of terraform_native in Terraform's JSON syntax."""
    groups, instances, local_values = {}, {}, {"prefix": "bench", "ports": [22, 443], "tags": {"team": "core"}}
    for i in range(size):
        groups[f"sg{i}"] = {
            "name": f"${{local.prefix}}-{i}",
            "dynamic": {"ingress": {"for_each": "${local.ports}", "content": {
                "from_port": "${ingress.value}", "to_port": "${ingress.value}", "protocol": "tcp",
                "cidr_blocks": ["${var.cidr}"]}}},
            "tags": f"${{merge(local.tags, {{ index = \"{i}\" }})}}",
        }
        instances[f"vm{i}"] = {
            "count": 2, "ami": f"ami-{i}", "instance_type": "t3.micro",
            "vpc_security_group_ids": [f"${{aws_security_group.sg{i}.id}}"],
            "metadata_options": {"http_tokens": '${count.index == 0 ? "required" : "optional"}'},
        }
        local_values[f"name{i}"] = f"${{local.prefix}}-${{aws_security_group.sg{i}.name}}"
    return {"variable": {"cidr": {"default": "10.0.0.0/8"}}, "locals": local_values,
            "resource": {"aws_security_group": groups, "aws_instance": instances}}


def generate_terraform(corpus: Path, sizes: list[int]) -> None:
    """n<size>/main.tf and the same module as n<size>-json/main.tf.json (kept between runs)."""
    for size in sizes:
        for directory, name, text in [
            (corpus / f"n{size}", "main.tf", lambda: terraform_native(size)),
            (corpus / f"n{size}-json", "main.tf.json", lambda: json.dumps(terraform_json(size), indent=2)),
        ]:
            marker = directory / ".generated"
            if marker.exists():
                continue
            directory.mkdir(parents=True, exist_ok=True)
            (directory / name).write_text(text())
            marker.write_text("")


GNU_TIME = Path("/usr/bin/time")


# `RUST_BACKTRACE`/`RUST_LIB_BACKTRACE` make every error value the rule engine creates capture
# a backtrace (a third of start-up when set): measure without them, as users run tenet.
CLEAN_ENV = {k: v for k, v in os.environ.items() if k not in ("RUST_BACKTRACE", "RUST_LIB_BACKTRACE")}


def measure(args: list[str], runs: int) -> tuple[float, float, int]:
    """Median wall seconds, peak RSS in MiB, exit code.

    The peak RSS comes from GNU time: the rusage of a child of this Python process would count
    Python's own peak too (Linux carries it across exec)."""
    walls, peak, code = [], 0, 0
    with tempfile.NamedTemporaryFile(mode="r") as report:
        prefix = [str(GNU_TIME), "-f", "%M", "-o", report.name] if GNU_TIME.exists() else []
        for _ in range(runs):
            start = time.perf_counter()
            process = subprocess.run([*prefix, str(BINARY), *args], cwd=ROOT, env=CLEAN_ENV,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            walls.append(time.perf_counter() - start)
            code = process.returncode
            if prefix:
                report.seek(0)
                lines = [line for line in report.read().splitlines() if line.strip().isdigit()]
                peak = max(peak, int(lines[-1]) if lines else 0)
    return statistics.median(walls), peak / 1024, code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--manifests", type=int, default=1000)
    parser.add_argument("--dockerfiles", type=int, default=100)
    options = parser.parse_args()
    if not BINARY.exists():
        print("build first: cargo build --release", file=sys.stderr)
        return 2
    corpus = ROOT / "bench" / "corpus"
    generate(corpus, options.manifests, options.dockerfiles)
    cases = [
        # testdata/hostile/ holds inputs built to reach the budgets (docs/security.md): they
        # are measured by tests/hostile.rs, not here.
        ("bundled testdata/ (without hostile/)",
         ["scan", "--allow-incomplete", "--format", "json"]
         + sorted(str(p.relative_to(ROOT)) for p in (ROOT / "testdata").iterdir()
                  if p.is_dir() and p.name != "hostile")),
        (f"generated ({options.manifests} manifests, {options.dockerfiles} Dockerfiles)",
         # The corpora are git-ignored: read them anyway.
         ["scan", "--no-ignore-files", "--format", "json", "bench/corpus"]),
        ("one file (start-up)", ["scan", "testdata/examples/shop/k8s/web.yaml"]),
    ]
    sizes = [500, 1000, 2000, 4000]
    generate_terraform(ROOT / "bench" / "terraform-corpus", sizes)
    for size in sizes:
        cases.append((f"terraform module, {size} x (sg + 2 instances + local)",
                      ["scan", "--no-ignore-files", "--format", "json", f"bench/terraform-corpus/n{size}"]))
    for size in sizes:
        cases.append((f"the same in JSON syntax (.tf.json), {size}",
                      ["scan", "--no-ignore-files", "--format", "json", f"bench/terraform-corpus/n{size}-json"]))
    print(f"cpus: {os.cpu_count()}, runs per case: {options.runs} (median wall time, peak RSS)")
    if not GNU_TIME.exists():
        print("peak RSS not measured: /usr/bin/time (GNU time) is not installed", file=sys.stderr)
    print(f"{'case':<50} {'wall':>9} {'peak RSS':>10} {'exit':>5}")
    for name, args in cases:
        wall, rss, code = measure(args, options.runs)
        print(f"{name:<50} {wall * 1000:>7.1f}ms {rss:>7.1f}MiB {code:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
