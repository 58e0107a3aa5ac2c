# The Relgraph API as a container: `docker compose up` runs it next to Neo4j.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY schema ./schema
COPY ingest ./ingest
COPY api ./api
COPY algorithms ./algorithms
RUN pip install --no-cache-dir .
ENV RELGRAPH_API_HOST=0.0.0.0 RELGRAPH_API_PORT=8000
EXPOSE 8000
USER nobody
CMD ["relgraph", "serve"]
