/* An epoll server on port 6379. This starter accepts clients and answers every line with an error,
 * so you can see the loop work (try `redis-cli -p 6379 PING`). Make it speak the protocol: give
 * each connection input and output buffers, parse complete requests, keep the rest. */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    signal(SIGPIPE, SIG_IGN); /* a client that left must not kill the server */
    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(6379), .sin_addr.s_addr = htonl(INADDR_ANY)};
    if (bind(listener, (struct sockaddr *)&address, sizeof address) || listen(listener, 4096)) {
        perror("listen on port 6379");
        return 1;
    }
    int epoll_fd = epoll_create1(0);
    struct epoll_event event = {.events = EPOLLIN, .data.fd = listener};
    epoll_ctl(epoll_fd, EPOLL_CTL_ADD, listener, &event);

    struct epoll_event ready[64];
    for (;;) {
        int count = epoll_wait(epoll_fd, ready, 64, -1);
        for (int i = 0; i < count; i++) {
            int fd = ready[i].data.fd;
            if (fd == listener) {
                int client = accept4(listener, NULL, NULL, SOCK_NONBLOCK);
                if (client < 0) continue;
                struct epoll_event watch = {.events = EPOLLIN, .data.fd = client};
                epoll_ctl(epoll_fd, EPOLL_CTL_ADD, client, &watch);
                continue;
            }
            char buffer[4096];
            ssize_t n = read(fd, buffer, sizeof buffer);
            if (n <= 0) {
                if (n < 0 && errno == EAGAIN) continue;
                close(fd); /* closing also removes it from epoll */
                continue;
            }
            /* TODO: parse requests (arrays of bulk strings and inline commands) and run them. */
            for (ssize_t j = 0; j < n; j++) {
                if (buffer[j] != '\n') continue;
                const char *reply = "-ERR not implemented yet\r\n";
                send(fd, reply, strlen(reply), MSG_NOSIGNAL); /* TODO: partial writes */
            }
        }
    }
}
