# The osprep web app. `npm start` applies migrations to DATABASE_URL, then serves the build.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-fund --no-audit
COPY . .
RUN npx next build
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
CMD ["npm", "start"]
