# ML Foundations in Java: JDK + Maven + JupyterLab + the built library + the Java kernel + the lessons.
#   docker build -t ml-foundations .
#   docker run --rm -p 8888:8888 ml-foundations        (open the printed http://127.0.0.1:8888/lab?token=... URL)
# The same image is a JupyterHub single-user image (Zero to JupyterHub, DockerSpawner): jupyterhub-singleuser is on
# PATH, the user is uid 1000, and the entry point gives a home that is an empty volume its own copy of the lessons
# (README, "Teaching a class").
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
      tini jupyterhub \
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

# The originals for JupyterHub's students, outside the home (which a hub mounts a volume over): the lessons, the data
# and the jar, read-only, and the `java` kernel with its class-data-sharing archive, found through $JUPYTER_PATH.
USER root
RUN ./course hub install --course-dir /opt/ml-foundations
USER student
ENV JUPYTER_PATH=/opt/ml-foundations/share/jupyter

EXPOSE 8888
# hub/course-home copies what is missing of the lessons into ~/ml-foundations (nothing is overwritten), then runs the
# command: JupyterHub's `jupyterhub-singleuser` serves that copy; the default command serves the checkout below.
ENTRYPOINT ["/usr/bin/tini", "--", "/opt/ml-foundations/hub/course-home"]
# Token authentication stays on: JupyterLab prints the URL with its token when it starts.
CMD ["/home/student/course/course", "lab", "--ip", "0.0.0.0", "--port", "8888", "--no-browser"]
