/* Forgets to close a departed client's socket. */
#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX 1024

int main(void) {
    int listener = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(7070), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(listener, (struct sockaddr *)&address, sizeof address) || listen(listener, 512)) return 1;
    struct pollfd fds[MAX] = {{.fd = listener, .events = POLLIN}};
    int count = 1;
    for (;;) {
        if (poll(fds, count, -1) < 0) return 1;
        if (fds[0].revents & POLLIN) {
            int client = accept(listener, NULL, NULL);
            if (client >= 0 && count < MAX) fds[count++] = (struct pollfd){.fd = client, .events = POLLIN};
            else if (client >= 0) close(client);
        }
        for (int i = 1; i < count; i++) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            char buffer[4096];
            ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            if (n <= 0) {
                fds[i--] = fds[--count]; /* forgets close() */
                continue;
            }
            for (ssize_t sent = 0; sent < n;) {
                ssize_t w = write(fds[i].fd, buffer + sent, (size_t)(n - sent));
                if (w <= 0) break;
                sent += w;
            }
        }
    }
}
