# ML Foundations in Java: JDK + Maven + JupyterLab + the built library + the Java kernel + the lessons.
#   docker build -t ml-foundations .
#   docker run --rm -p 8888:8888 ml-foundations        (open the printed http://127.0.0.1:8888/lab?token=... URL)
# Everything comes from Debian's packages; Maven dependencies are fetched while building, so the container needs no
# network when it runs. Keep the package list in step with environment.yml.
FROM debian:trixie-slim

ENV LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive

# libfreetype6 and libharfbuzz0b are only "recommended" by the JDK, but AWT (XChart's plots) cannot draw text
# without them; libjs-mathjax lets ./course export ship MathJax 2 so exported formulas render offline; Sphinx with
# nbsphinx, MyST, the book theme and pandoc build the course website; tini reaps the kernels' processes and passes
# Ctrl+C / docker stop on to JupyterLab.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      openjdk-21-jdk-headless maven ca-certificates \
      jupyterlab jupyter-core jupyter-client jupyter-nbconvert python3-nbclient \
      fontconfig fonts-dejavu-core libfreetype6 libharfbuzz0b libjs-mathjax \
      python3-sphinx python3-nbsphinx python3-myst-parser python3-sphinx-book-theme pandoc \
      tini \
 && rm -rf /var/lib/apt/lists/*

# The container has no reason to reach the internet from JupyterLab: no news feed, no update checks.
RUN mkdir -p /usr/share/jupyter/lab/settings \
 && printf '%s\n' '{' \
      '  "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}' \
      '}' > /usr/share/jupyter/lab/settings/overrides.json

# A non-root user owns the course, its Maven repository (~/.m2) and its Jupyter kernel (~/.local/share/jupyter).
RUN useradd --create-home --uid 1000 --user-group --shell /bin/bash student
USER student
WORKDIR /home/student/course

# Maven plugins and libraries first, in a layer of their own that survives edits to lessons and code.
COPY --chown=student:student pom.xml ./
RUN mvn -B -ntp -q dependency:go-offline

# The project, then the same set-up every route uses: build the jar, install the `java` kernel.
# `./course test --only 00-1` runs the unit tests and executes one lesson on the kernel: a build-time check that
# also caches the test runners, so ./course test and ./course export work offline in the container.
COPY --chown=student:student . .
RUN ./course setup \
 && ./course test --only 00-1 \
 && rm -rf target/notebooks-executed target/notebook-report.json target/jqwik-database \
 && ./course doctor

EXPOSE 8888
ENTRYPOINT ["/usr/bin/tini", "--"]
# Token authentication stays on: JupyterLab prints the URL with its token when it starts.
CMD ["./course", "lab", "--ip", "0.0.0.0", "--port", "8888", "--no-browser"]
