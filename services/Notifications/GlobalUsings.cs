global using Microsoft.EntityFrameworkCore;
global using Platform.Contracts;
global using Platform.Notifications.Infrastructure;
